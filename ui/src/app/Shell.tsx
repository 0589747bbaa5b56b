import { AppShell, Box, Button, Container, Group, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import {
  IconAddressBook,
  IconAlertTriangle,
  IconClipboardList,
  IconHourglass,
  IconInbox,
  IconLayoutDashboard,
  IconLock,
  IconPower,
  IconSettings,
  IconShieldLock,
} from "@tabler/icons-react";
import { useState, type ReactNode } from "react";

import type { Target } from "../bindings/Target";
import type { VaultStatus } from "../bindings/VaultStatus";
import { ErrorAlert } from "../components/ErrorAlert";
import { StatusNote } from "../components/StatusNote";
import { AutoBackupNotice } from "../features/backup/AutoBackupNotice";
import { AutoBackupProgress } from "../features/backup/BackupProgress";
import { BackupNotice } from "../features/backup/BackupNotice";
import { BreachDetailScreen } from "../features/breaches/BreachDetailScreen";
import { BreachesScreen } from "../features/breaches/BreachesScreen";
import { ContactDetailScreen, type ContactTab } from "../features/contacts/ContactDetailScreen";
import { ContactFormScreen } from "../features/contacts/ContactFormScreen";
import { ContactsListScreen, type ListState } from "../features/contacts/ContactsListScreen";
import { ImportWizard } from "../features/import/ImportWizard";
import { OverviewScreen } from "../features/overview/OverviewScreen";
import { isRegisterTab, RegisterScreen, type RegisterTab } from "../features/register/RegisterScreen";
import { AccessExportScreen } from "../features/requests/AccessExportScreen";
import { RequestsNotice } from "../features/requests/RequestsNotice";
import { RequestsScreen } from "../features/requests/RequestsScreen";
import { StartupPurgeNotice } from "../features/retention/PurgeNotice";
import { isRetentionTab, RetentionScreen, type RetentionTab } from "../features/retention/RetentionScreen";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { useI18n } from "../i18n";
import { lock, quit } from "../lib/ipc";
import { useSession } from "./session";
import { AfterIdleLockNote, IdleWarning } from "./IdleWarning";
import { useActivityTouch } from "./useActivityTouch";

import "./shell.css";

/** Below this width (1600 px; the default window is 1180 px) the menu items show only their icons
 * (named by aria-label and a tooltip): the seven names need about 1450 px beside "Vergrendelen"
 * and "Afsluiten". */
const COMPACT_HEADER = "(max-width: 99.9em)";

export type View =
  /** The compliance overview: the first screen after unlock. */
  | { name: "overview" }
  | { name: "contacts" }
  /** `from`: opened from another section than the contacts, "back" returns there. */
  | { name: "contact"; id: number; tab?: ContactTab; from?: "register" | "retention" | "requests" }
  | { name: "new-contact" }
  | { name: "edit-contact"; id: number }
  | { name: "register" }
  | { name: "retention" }
  | { name: "requests" }
  /** The access and export wizard for one contact; `back` is where it was opened from. */
  | {
      name: "access-export";
      contactId: number;
      contactName: string;
      /** What tells namesakes apart, when known (from the contact page). */
      contactEmail?: string | null;
      contactOrganisation?: string | null;
      requestId: number | null;
      back: View;
    }
  | { name: "settings" }
  /** The breach register; with `id` one breach. */
  | { name: "breaches"; id?: number }
  /** Moving in: the import wizard (from the contacts). */
  | { name: "import" };

type Section = "overview" | "contacts" | "register" | "retention" | "requests" | "breaches" | "settings";

const SECTION_VIEWS: Record<Section, View> = {
  overview: { name: "overview" },
  contacts: { name: "contacts" },
  register: { name: "register" },
  retention: { name: "retention" },
  requests: { name: "requests" },
  breaches: { name: "breaches" },
  settings: { name: "settings" },
};

function sectionOf(view: View): Section {
  if (view.name === "overview" || view.name === "settings" || view.name === "breaches") return view.name;
  if (view.name === "access-export") return sectionOf(view.back);
  if (view.name === "contact" && view.from) return view.from;
  if (view.name === "register" || view.name === "retention" || view.name === "requests") return view.name;
  return "contacts";
}

type Props = {
  status: VaultStatus;
  /** The screen to start on (the overview unless said otherwise). */
  initialView?: View;
};

/** The unlocked app: header with navigation and lock, and the current screen. */
export function Shell({ status, initialView = SECTION_VIEWS.overview }: Props) {
  const { t } = useI18n();
  const session = useSession();
  const [view, setViewState] = useState<View>(initialView);
  // A one-off note for the next screen (e.g. "Contact erased"); any navigation drops it.
  const [flash, setFlash] = useState<string | null>(null);
  const setView = (next: View) => {
    setFlash(null);
    setViewState(next);
  };
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
  const compact = useMediaQuery(COMPACT_HEADER) ?? false;
  // The label is hidden by CSS in a narrow window; aria-label keeps the name, the tooltip shows it.
  const navButton = (target: Section, label: string, icon: ReactNode) => (
    <Tooltip label={label} disabled={!compact} openDelay={300}>
      <Button
        className="kluis-nav-button"
        variant={section === target ? "light" : "subtle"}
        color={section === target ? undefined : "gray"}
        leftSection={icon}
        aria-label={label}
        aria-current={section === target ? "page" : undefined}
        onClick={() => setView(SECTION_VIEWS[target])}
      >
        <span className="kluis-nav-label">{label}</span>
      </Button>
    </Tooltip>
  );

  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" miw={0}>
            <Group gap={8} wrap="nowrap">
              <ThemeIcon variant="light" radius="xl" aria-hidden>
                <IconShieldLock size={18} />
              </ThemeIcon>
              <Text fw={700} fz="lg">
                {t("app.name")}
              </Text>
            </Group>
            <Group component="nav" aria-label={t("nav.label")} gap={4} wrap="nowrap">
              {navButton("overview", t("nav.overview"), <IconLayoutDashboard size={18} aria-hidden />)}
              {navButton("contacts", t("nav.contacts"), <IconAddressBook size={18} aria-hidden />)}
              {navButton("register", t("nav.register"), <IconClipboardList size={18} aria-hidden />)}
              {navButton("retention", t("nav.retention"), <IconHourglass size={18} aria-hidden />)}
              {navButton("requests", t("nav.requests"), <IconInbox size={18} aria-hidden />)}
              {navButton("breaches", t("nav.breaches"), <IconAlertTriangle size={18} aria-hidden />)}
              {navButton("settings", t("nav.settings"), <IconSettings size={18} aria-hidden />)}
            </Group>
          </Group>
          {/* Lock and quit keep their words and never shrink: they stay reachable at 860 px. */}
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button
              variant="default"
              leftSection={<IconLock size={18} aria-hidden />}
              loading={locking}
              onClick={lockNow}
            >
              {t("nav.lock")}
            </Button>
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconPower size={18} aria-hidden />}
              onClick={() => {
                quit().catch(setLockError);
              }}
            >
              {t("nav.quit")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">
        <Container size="lg" px={0}>
          {lockError !== null && (
            <Box mb="md">
              <ErrorAlert error={lockError} />
            </Box>
          )}
          <IdleWarning />
          <AfterIdleLockNote />
          <AutoBackupProgress />
          <AutoBackupNotice />
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
            flash={flash}
            setFlash={setFlash}
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
  flash: string | null;
  setFlash: (note: string | null) => void;
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
  flash,
  setFlash,
}: CurrentViewProps) {
  const { t } = useI18n();
  const openRetention = (tab: RetentionTab) => {
    setRetentionTab(tab);
    setView({ name: "retention" });
  };
  const openRegister = (tab: RegisterTab) => {
    setRegisterTab(tab);
    setView({ name: "register" });
  };
  // Where each overview line is fixed. A register tab this build does not have opens the
  // register as it is.
  const linkTo = (target: Target): (() => void) | undefined => {
    switch (target.view) {
      case "requests":
        return () => setView({ name: "requests" });
      case "settings":
        return () => setView({ name: "settings" });
      case "register":
        return () => (isRegisterTab(target.tab) ? openRegister(target.tab) : setView({ name: "register" }));
      case "retention":
        return () => (isRetentionTab(target.tab) ? openRetention(target.tab) : setView({ name: "retention" }));
      case "breaches":
        return () => setView({ name: "breaches", id: target.id });
    }
  };
  switch (view.name) {
    case "overview":
      return <OverviewScreen linkTo={linkTo} />;
    case "contacts":
      return (
        <ContactsListScreen
          state={listState}
          onStateChange={setListState}
          onOpen={(id) => setView({ name: "contact", id })}
          onNew={() => setView({ name: "new-contact" })}
          onImport={() => setView({ name: "import" })}
          notice={
            <>
              {flash !== null && (
                <StatusNote withCloseButton closeButtonLabel={t("common.close")} onClose={() => setFlash(null)}>
                  {flash}
                </StatusNote>
              )}
              <RequestsNotice onOpenRequests={() => setView({ name: "requests" })} />
              <BackupNotice onOpenBackups={() => setView({ name: "settings" })} />
              <StartupPurgeNotice onOpenRetention={openRetention} />
            </>
          }
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
          onExport={(contact) =>
            setView({
              name: "access-export",
              contactId: contact.id,
              contactName: contact.name,
              contactEmail: contact.emails[0] ?? null,
              contactOrganisation: contact.organisation,
              requestId: null,
              back: view,
            })
          }
          onErased={(withRequest) => {
            setView({ name: "contacts" });
            setFlash(withRequest ? t("erase.doneRequest") : t("erase.done"));
          }}
        />
      );
    case "requests":
      return (
        <RequestsScreen
          onOpenContact={(id) => setView({ name: "contact", id, from: "requests" })}
          onPrepareAccess={(request, name) => {
            if (request.contact_id === null) return;
            setView({
              name: "access-export",
              contactId: request.contact_id,
              contactName: name,
              requestId: request.id,
              back: { name: "requests" },
            });
          }}
        />
      );
    case "access-export": {
      const back = view.back;
      return (
        <AccessExportScreen
          key={`${view.contactId}-${view.requestId ?? "none"}`}
          contact={{
            id: view.contactId,
            name: view.contactName,
            email: view.contactEmail,
            organisation: view.contactOrganisation,
          }}
          requestId={view.requestId}
          backLabel={
            back.name === "requests"
              ? t("detail.backToRequests")
              : back.name === "contact"
                ? t("export.backToContact", { name: view.contactName })
                : t("detail.back")
          }
          onBack={() => setView(back)}
          onOpenSettings={() => setView({ name: "settings" })}
        />
      );
    }
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
    case "breaches":
      return view.id === undefined ? (
        <BreachesScreen onOpen={(id) => setView({ name: "breaches", id })} />
      ) : (
        <BreachDetailScreen key={view.id} id={view.id} onBack={() => setView({ name: "breaches" })} />
      );
    case "import":
      return (
        <ImportWizard
          onClose={() => setView({ name: "contacts" })}
          onOpenTriage={() => openRegister("triage")}
        />
      );
  }
}
