import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { forwardRef } from "react";

import { useI18n } from "../i18n";

/** A passphrase input whose show/hide toggle has an accessible name. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(
  function PasswordField(props, ref) {
    const { t } = useI18n();
    return (
      <PasswordInput
        ref={ref}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        visibilityToggleButtonProps={{ "aria-label": t("common.showCharacters") }}
        {...props}
      />
    );
  },
);
