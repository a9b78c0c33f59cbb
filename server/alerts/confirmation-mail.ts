import type { AlertPayload } from "@/db/schema";

export type ConfirmationMail = {
  to: string;
  channelName: string;
  workspaceName: string;
  /** Who added the address: a name and an address, or null when unknown. */
  addedBy: string | null;
  link: string;
};

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The one email an address gets before any alert: who added it where, and the link to confirm.
 * The subject names only the recipient's own address, nothing a stranger typed.
 */
export function renderConfirmationMail(m: ConfirmationMail): AlertPayload {
  const who = m.addedBy ?? "Someone";
  const lines = [
    `${who} added ${m.to} to the alert channel "${m.channelName}" in the Vigil workspace "${m.workspaceName}".`,
    "",
    "Vigil sends nothing to this address unless you confirm. To receive its alerts, open:",
    m.link,
    "",
    "If you did not expect this, ignore this email: nothing will be sent to you.",
  ];
  const html = `<div style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5"><p>${esc(who)} added <strong>${esc(m.to)}</strong> to the alert channel “${esc(m.channelName)}” in the Vigil workspace “${esc(m.workspaceName)}”.</p><p>Vigil sends nothing to this address unless you confirm.</p><p><a href="${esc(m.link)}">Review and confirm</a></p><p style="color:#6b7280;font-size:12px">If you did not expect this, ignore this email: nothing will be sent to you.</p></div>`;
  const text = lines.join("\n");
  return {
    title: `Confirm Vigil alerts for ${m.to}`,
    text,
    body: text,
    html,
    headers: { "Auto-Submitted": "auto-generated" },
  };
}
