import { Activity, BellRing, Clock, Radio, Server, ShieldCheck } from "lucide-react";
import { Logo } from "@/components/ui/logo";
import { ButtonLink } from "@/components/ui/button";
import { StatusPreview } from "@/components/marketing/status-preview";

const features = [
  {
    icon: Activity,
    title: "Uptime monitors",
    body: "HTTP(S) checks on your schedule with confirmations, so one blip never pages anyone — and a real outage always does.",
  },
  {
    icon: Clock,
    title: "Heartbeats for cron jobs",
    body: "Your backups and nightly syncs ping a secret URL. No ping by the deadline plus grace, and the job shows as missing.",
  },
  {
    icon: Radio,
    title: "A status page that updates itself",
    body: "Services and scheduled jobs on one public page, flipped by the monitoring itself and pushed live to every viewer.",
  },
  {
    icon: BellRing,
    title: "Alerts exactly once",
    body: "Email, webhooks, Slack, Discord and ntfy — sent from recorded state changes, never twice, even across a crash.",
  },
  {
    icon: Server,
    title: "Self-hosted, one process",
    body: "Starts with an embedded database and scheduler. Point it at PostgreSQL and Inngest when you need several nodes.",
  },
  {
    icon: ShieldCheck,
    title: "Private until you publish",
    body: "A new page is private: you preview it signed in, everyone else gets a plain 404 until you flip it public.",
  },
];

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200/70 dark:border-zinc-800/70">
        <nav
          aria-label="Main"
          className="mx-auto flex max-w-6xl items-center justify-between px-5 py-4"
        >
          <Logo />
          <div className="flex items-center gap-2">
            <ButtonLink href="/sign-in" variant="ghost">
              Sign in
            </ButtonLink>
            <ButtonLink href="/sign-up">Get started</ButtonLink>
          </div>
        </nav>
      </header>

      <main className="flex-1">
        <section className="mx-auto grid max-w-6xl items-center gap-12 px-5 py-16 md:grid-cols-2 md:py-24">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full border border-brand-500/30 bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700 dark:bg-brand-500/10 dark:text-brand-400">
              <span className="size-1.5 rounded-full bg-brand-500" /> Endpoints and jobs, on one
              honest page
            </p>
            <h1 className="mt-5 text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
              The status page that tells the truth.
            </h1>
            <p className="mt-5 max-w-xl text-lg text-pretty text-zinc-600 dark:text-zinc-400">
              Most status pages wait for a human in the middle of an incident. Vigil wires yours to
              the monitoring itself: the moment an endpoint fails or a cron job misses its deadline,
              every viewer sees it.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <ButtonLink href="/sign-up" className="px-5 py-2.5">
                Create your account
              </ButtonLink>
              <ButtonLink href="/sign-in" variant="secondary" className="px-5 py-2.5">
                Sign in
              </ButtonLink>
            </div>
          </div>
          <StatusPreview />
        </section>

        <section
          aria-labelledby="features"
          className="border-t border-zinc-200/70 bg-zinc-50 dark:border-zinc-800/70 dark:bg-zinc-900/40"
        >
          <div className="mx-auto max-w-6xl px-5 py-16">
            <h2 id="features" className="text-2xl font-semibold tracking-tight">
              Everything a small team needs to know it is up
            </h2>
            <div className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {features.map(({ icon: Icon, title, body }) => (
                <div
                  key={title}
                  className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
                >
                  <Icon className="size-5 text-brand-600 dark:text-brand-400" aria-hidden="true" />
                  <h3 className="mt-3 font-medium">{title}</h3>
                  <p className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">{body}</p>
                </div>
              ))}
            </div>
          </div>
        </section>
      </main>

      <footer className="border-t border-zinc-200/70 dark:border-zinc-800/70">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-5 py-6 text-sm text-zinc-500">
          <span>Vigil — self-hosted monitoring</span>
          <a href="/api/health" className="hover:text-zinc-900 dark:hover:text-zinc-200">
            Health
          </a>
        </div>
      </footer>
    </div>
  );
}
