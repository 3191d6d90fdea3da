// Saves a certificate's PDF: asks the API for it (the read is audited) and hands the
// browser a file to keep — nothing is loaded from elsewhere.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";

import { graphql } from "../gql";
import { ErrorNote } from "../pages/ErrorNote";
import { Button } from "./Form";

const PdfQuery = graphql(`
  query ConsoleCertificatePdf($id: ID!) {
    certificatePdf(id: $id) { fileName base64 }
  }
`);

export function CertificatePdfButton({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Parameters<typeof ErrorNote>[0]["error"] | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    const r = await client.query(PdfQuery, { id }, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    if (r.error || !r.data) {
      if (r.error) setError(r.error);
      return;
    }
    const raw = atob(r.data.certificatePdf.base64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = r.data.certificatePdf.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <Button kind="secondary" type="button" disabled={busy} onClick={() => void save()}>
        {busy ? t("app.loading") : label}
      </Button>
      {error && <ErrorNote error={error} />}
    </>
  );
}
