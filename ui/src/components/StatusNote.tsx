import { Alert, type AlertProps } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";

type Tone = "success" | "info" | "warning";

type Props = Omit<AlertProps, "role" | "color"> & { tone?: Tone };

const ICONS = { success: IconCircleCheck, info: IconInfoCircle, warning: IconAlertTriangle } as const;
const COLORS = { success: "teal", info: "blue", warning: "orange" } as const;

/** A calm, politely announced notice (role="status"); not for errors. */
export function StatusNote({ tone = "success", ...rest }: Props) {
  const Icon = ICONS[tone];
  return (
    <Alert role="status" color={COLORS[tone]} variant="light" icon={<Icon aria-hidden size={20} />} {...rest} />
  );
}
