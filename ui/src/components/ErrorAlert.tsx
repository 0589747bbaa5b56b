import { Alert, type AlertProps } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";

import { errorText } from "../lib/errors";
import { useI18n } from "../i18n";

type Props = Omit<AlertProps, "children" | "role"> & {
  /** An error from an IPC call; turned into translated text. */
  error?: unknown;
  /** Extra or replacement text. */
  children?: ReactNode;
};

/** An error message that assistive technology announces (role="alert"). */
export function ErrorAlert({ error, children, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden size={20} />}
      {...rest}
    >
      {error !== undefined && errorText(t, error)}
      {error !== undefined && children ? " " : null}
      {children}
    </Alert>
  );
}
