import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { signInSchema } from "@/lib/accounts/schemas";
import { DUMMY_HASH, verifyPassword } from "./password";
import { beginSignInAttempt, pruneSignInAttempts, settleSignInAttempt } from "./rate-limit";

export const SIGN_IN_FAILED = "That email and password do not match an account.";

function clientKey(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

/** Verifies email + password, applying the sign-in rate limit. Returns the user or throws a message. */
export async function authenticate(rawEmail: unknown, rawPassword: unknown, client: string) {
  const parsed = signInSchema.safeParse({ email: rawEmail, password: rawPassword });
  if (!parsed.success) throw new Error(SIGN_IN_FAILED);
  const { email, password } = parsed.data;
  // Recorded as a failure before the password is checked, so parallel guesses cannot all slip under the limit.
  const attempt = await beginSignInAttempt(email, client);
  if (attempt.limited) {
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    throw new Error(`Too many sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`);
  }
  const user = await getDb().user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok) {
    if (Math.random() < 0.05) void pruneSignInAttempts().catch(() => {});
    throw new Error(SIGN_IN_FAILED);
  }
  await settleSignInAttempt(email, attempt.attemptIds);
  return user;
}

function oidcProvider(): NextAuthOptions["providers"] {
  const c = config();
  if (!c.OIDC_ISSUER || !c.OIDC_CLIENT_ID || !c.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: c.OIDC_NAME,
      type: "oauth",
      wellKnown: `${c.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: c.OIDC_CLIENT_ID,
      clientSecret: c.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.email ?? "" };
      },
    },
  ];
}

export function oidcEnabled() {
  return oidcProvider().length > 0;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  secret: config().authSecret,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const user = await authenticate(credentials?.email, credentials?.password, clientKey(req?.headers));
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      // Single sign-on: match or create the account by its verified address.
      const email = user.email?.trim().toLowerCase();
      if (!email) return false;
      const db = getDb();
      const existing = await db.user.findUnique({ where: { email } });
      const row = existing ?? (await db.user.create({ data: { email, name: user.name || email.split("@")[0] } }));
      user.id = row.id;
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        (session.user as { id?: string }).id = token.uid;
      }
      return session;
    },
  },
};
