import { AppShell, Box, Button, Container, Group, Text, ThemeIcon } from "@mantine/core";
import {
  IconAddressBook,
  IconClipboardList,
  IconHourglass,
  IconLock,
  IconSettings,
  IconShieldLock,
} from "@tabler/icons-react";
import { useState, type ReactNode } from "react";

import type { VaultStatus } from "../bindings/VaultStatus";
import { ErrorAlert } from "../components/ErrorAlert";
import { ContactDetailScreen, type ContactTab } from "../features/contacts/ContactDetailScreen";
import { ContactFormScreen } from "../features/contacts/ContactFormScreen";
import { ContactsListScreen, type ListState } from "../features/contacts/ContactsListScreen";
import { RegisterScreen, type RegisterTab } from "../features/register/RegisterScreen";
import { StartupPurgeNotice } from "../features/retention/PurgeNotice";
import { RetentionScreen, type RetentionTab } from "../features/retention/RetentionScreen";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { useI18n } from "../i18n";
import { lock } from "../lib/ipc";
import { useSession } from "./session";
import { useActivityTouch } from "./useActivityTouch";

export type View =
  | { name: "contacts" }
  /** `from`: opened from the register or the retention section, "back" returns there. */
  | { name: "contact"; id: number; tab?: ContactTab; from?: "register" | "retention" }
  | { name: "new-contact" }
  | { name: "edit-contact"; id: number }
  | { name: "register" }
  | { name: "retention" }
  | { name: "settings" };

type Section = "contacts" | "register" | "retention" | "settings";

const SECTION_VIEWS: Record<Section, View> = {
  contacts: { name: "contacts" },
  register: { name: "register" },
  retention: { name: "retention" },
  settings: { name: "settings" },
};

function sectionOf(view: View): Section {
  if (view.name === "settings") return "settings";
  if (view.name === "register" || (view.name === "contact" && view.from === "register")) return "register";
  if (view.name === "retention" || (view.name === "contact" && view.from === "retention")) return "retention";
  return "contacts";
}

/** The unlocked app: header with navigation and lock, and the current screen. */
export function Shell({ status }: { status: VaultStatus }) {
  const { t } = useI18n();
  const session = useSession();
  const [view, setView] = useState<View>({ name: "contacts" });
  const [listState, setListState] = useState<ListState>({ search: "", page: 0 });
  const [registerTab, setRegisterTab] = useState<RegisterTab>("purposes");
  const [retentionTab, setRetentionTab] = useState<RetentionTab>("rules");

  useActivityTouch(session);

  // Plain state, not a mutation: after a successful lock nothing here may
  // re-render (and so re-request personal data) before the unlock screen shows.
  const [locking, setLocking] = useState(false);
  const [lockError, setLockError] = useState<unknown>(null);
  const lockNow = () => {
    setLocking(true);
    setLockError(null);
    lock().then(
      () => session.locked("manual"),
      (error: unknown) => {
        setLocking(false);
        setLockError(error);
      },
    );
  };

  const section = sectionOf(view);
  const navButton = (target: Section, label: string, icon: ReactNode) => (
    <Button
      variant={section === target ? "light" : "subtle"}
      color={section === target ? undefined : "gray"}
      leftSection={icon}
      aria-current={section === target ? "page" : undefined}
      onClick={() => setView(SECTION_VIEWS[target])}
    >
      {label}
    </Button>
  );

  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <ThemeIcon variant="light" radius="xl" aria-hidden>
                <IconShieldLock size={18} />
              </ThemeIcon>
              <Text fw={700} fz="lg">
                {t("app.name")}
              </Text>
            </Group>
            <Group component="nav" aria-label={t("nav.label")} gap={4} wrap="nowrap">
              {navButton("contacts", t("nav.contacts"), <IconAddressBook size={18} aria-hidden />)}
              {navButton("register", t("nav.register"), <IconClipboardList size={18} aria-hidden />)}
              {navButton("retention", t("nav.retention"), <IconHourglass size={18} aria-hidden />)}
              {navButton("settings", t("nav.settings"), <IconSettings size={18} aria-hidden />)}
            </Group>
          </Group>
          <Button
            variant="default"
            leftSection={<IconLock size={18} aria-hidden />}
            loading={locking}
            onClick={lockNow}
          >
            {t("nav.lock")}
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">
        <Container size="lg" px={0}>
          {lockError !== null && (
            <Box mb="md">
              <ErrorAlert error={lockError} />
            </Box>
          )}
          <CurrentView
            view={view}
            status={status}
            listState={listState}
            setListState={setListState}
            registerTab={registerTab}
            setRegisterTab={setRegisterTab}
            retentionTab={retentionTab}
            setRetentionTab={setRetentionTab}
            setView={setView}
          />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

type CurrentViewProps = {
  view: View;
  status: VaultStatus;
  listState: ListState;
  setListState: (state: ListState) => void;
  registerTab: RegisterTab;
  setRegisterTab: (tab: RegisterTab) => void;
  retentionTab: RetentionTab;
  setRetentionTab: (tab: RetentionTab) => void;
  setView: (view: View) => void;
};

function CurrentView({
  view,
  status,
  listState,
  setListState,
  registerTab,
  setRegisterTab,
  retentionTab,
  setRetentionTab,
  setView,
}: CurrentViewProps) {
  const openRetention = (tab: RetentionTab) => {
    setRetentionTab(tab);
    setView({ name: "retention" });
  };
  switch (view.name) {
    case "contacts":
      return (
        <ContactsListScreen
          state={listState}
          onStateChange={setListState}
          onOpen={(id) => setView({ name: "contact", id })}
          onNew={() => setView({ name: "new-contact" })}
          notice={<StartupPurgeNotice onOpenRetention={openRetention} />}
        />
      );
    case "contact":
      return (
        <ContactDetailScreen
          key={`${view.id}-${view.tab ?? "details"}`}
          id={view.id}
          tab={view.tab}
          backTo={view.from ?? "contacts"}
          onBack={() => setView(view.from ? { name: view.from } : { name: "contacts" })}
          onEdit={(id) => setView({ name: "edit-contact", id })}
        />
      );
    case "register":
      return (
        <RegisterScreen
          tab={registerTab}
          onTabChange={setRegisterTab}
          onOpenContact={(id) => setView({ name: "contact", id, tab: "privacy", from: "register" })}
        />
      );
    case "retention":
      return (
        <RetentionScreen
          tab={retentionTab}
          onTabChange={setRetentionTab}
          onOpenContact={(id, tab) => setView({ name: "contact", id, tab, from: "retention" })}
        />
      );
    case "new-contact":
      return (
        <ContactFormScreen
          onSaved={(id) => setView({ name: "contact", id })}
          onCancel={() => setView({ name: "contacts" })}
        />
      );
    case "edit-contact":
      return (
        <ContactFormScreen
          key={view.id}
          id={view.id}
          onSaved={(id) => setView({ name: "contact", id })}
          onCancel={() => setView({ name: "contact", id: view.id })}
        />
      );
    case "settings":
      return <SettingsScreen status={status} />;
  }
}
