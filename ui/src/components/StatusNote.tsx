import { Alert, type AlertProps } from "@mantine/core";
import { IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";

type Props = Omit<AlertProps, "role" | "color"> & { tone?: "success" | "info" };

/** A calm, politely announced notice (role="status"); not for errors. */
export function StatusNote({ tone = "success", ...rest }: Props) {
  const Icon = tone === "success" ? IconCircleCheck : IconInfoCircle;
  return (
    <Alert
      role="status"
      color={tone === "success" ? "teal" : "blue"}
      variant="light"
      icon={<Icon aria-hidden size={20} />}
      {...rest}
    />
  );
}
