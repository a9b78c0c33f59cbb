import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

type CapturedMail = { to: string[]; raw: string; subject: string };
export type TestSmtp = {
  url: string;
  mails: CapturedMail[];
  /** Mails whose envelope names this address. */
  to: (address: string) => CapturedMail[];
  /** The confirmation token in the newest mail to this address, or null. */
  tokenFor: (address: string) => string | null;
  close: () => Promise<void>;
};

/** A real SMTP server on 127.0.0.1 that keeps every message it is given. */
export async function startSmtp(): Promise<TestSmtp> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        // Quoted-printable soft line breaks would split a long link.
        const flat = raw.replace(/=\r?\n/g, "");
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: flat,
          subject: /^Subject: (.*)$/m.exec(flat)?.[1]?.trim() ?? "",
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => mails.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to,
    tokenFor: (address) =>
      /\/confirm-email\/([A-Za-z0-9_-]{43})/.exec(to(address).at(-1)?.raw ?? "")?.[1] ?? null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
