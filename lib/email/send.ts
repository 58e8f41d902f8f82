import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";

export function emailEnabled() {
  return Boolean(config().SMTP_URL);
}

let transport: nodemailer.Transporter | undefined;

/** Sends a plain-text e-mail when SMTP is configured; otherwise does nothing and returns false. */
export async function sendEmail(to: string, subject: string, text: string): Promise<boolean> {
  const c = config();
  if (!c.SMTP_URL) return false;
  transport ??= nodemailer.createTransport(c.SMTP_URL);
  try {
    await transport.sendMail({ from: c.SMTP_FROM, to, subject, text });
    return true;
  } catch (err) {
    console.warn(`Could not send e-mail to ${to}:`, err instanceof Error ? err.message : err);
    return false;
  }
}

export function appUrl() {
  return (config().APP_URL || config().NEXTAUTH_URL || `http://localhost:${config().PORT}`).replace(/\/$/, "");
}
