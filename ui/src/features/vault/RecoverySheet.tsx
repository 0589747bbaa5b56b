import { createPortal } from "react-dom";

import { useI18n } from "../../i18n";

import "./recoverySheet.css";

type Props = { recoveryKey: string; vaultId: string; date: string };

/**
 * The one-page recovery sheet: only in print (`@media print` shows it and hides the app), so
 * the system print dialog prints the key, the vault id and what to do with it. Kluis writes
 * no file; the sheet exists in the page while the key is shown.
 */
export function RecoverySheet({ recoveryKey, vaultId, date }: Props) {
  const { t } = useI18n();
  // A direct child of <body>, so print CSS can leave out everything else (one page).
  return createPortal(
    <div data-print-sheet className="kluis-print-sheet" aria-hidden="true">
      <h1>{t("recoverySheet.title")}</h1>
      <p className="kluis-print-key">{recoveryKey}</p>
      <p>{t("recoverySheet.vaultId", { id: vaultId })}</p>
      <p>{t("recoverySheet.made", { date })}</p>
      <h2>{t("recoverySheet.whatTitle")}</h2>
      <ol>
        <li>{t("recoverySheet.keep")}</li>
        <li>{t("recoverySheet.use")}</li>
        <li>{t("recoverySheet.secret")}</li>
        <li>{t("recoverySheet.replaced")}</li>
      </ol>
    </div>,
    document.body,
  );
}
