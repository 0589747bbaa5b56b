import { Box, Center, Container, Group, Paper, Text, ThemeIcon } from "@mantine/core";
import { IconShieldLock } from "@tabler/icons-react";
import type { ReactNode } from "react";

import { useI18n } from "../i18n";

/** The calm, centred frame of the screens shown before the vault is open. */
export function VaultLayout({ children, size = 480 }: { children: ReactNode; size?: number }) {
  const { t } = useI18n();
  return (
    <Box bg="gray.0" mih="100vh">
      <Center mih="100vh" py="xl">
        <Container size={size} w="100%">
          <Group gap="xs" justify="center" mb="lg">
            <ThemeIcon variant="light" size="lg" radius="xl" aria-hidden>
              <IconShieldLock size={20} />
            </ThemeIcon>
            <Text fw={700} fz="lg">
              {t("app.name")}
            </Text>
          </Group>
          <Paper component="main" withBorder shadow="sm" p="xl">
            {children}
          </Paper>
        </Container>
      </Center>
    </Box>
  );
}
