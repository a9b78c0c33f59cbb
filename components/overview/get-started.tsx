import { Activity, ArrowRight, HeartPulse, Radio } from "lucide-react";
import Link from "next/link";

const steps = [
  {
    href: "/dashboard/monitors",
    icon: Activity,
    title: "Watch an endpoint",
    body: "HTTP(S) checks on a schedule, with response times and 30-day uptime.",
  },
  {
    href: "/dashboard/heartbeats",
    icon: HeartPulse,
    title: "Watch a cron job",
    body: "Give a job a ping URL; Vigil notices the run that never happened.",
  },
  {
    href: "/dashboard/status-pages",
    icon: Radio,
    title: "Publish a status page",
    body: "Services and scheduled jobs on one page that flips by itself.",
  },
] as const;

/** What a workspace with nothing to watch yet is offered. */
export function GetStarted() {
  return (
    <section aria-labelledby="get-started" data-testid="get-started">
      <h2 id="get-started" className="mt-10 text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        Get started
      </h2>
      <ul className="mt-3 grid gap-4 sm:grid-cols-3">
        {steps.map(({ href, icon: Icon, title, body }) => (
          <li key={href}>
            <Link
              href={href}
              className="group flex h-full flex-col rounded-xl border border-zinc-200 bg-white p-5 transition-colors hover:border-zinc-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
            >
              <Icon className="size-5 text-brand-600 dark:text-brand-400" aria-hidden="true" />
              <span className="mt-3 font-medium">{title}</span>
              <span className="mt-1 flex-1 text-sm text-zinc-600 dark:text-zinc-400">{body}</span>
              <ArrowRight
                className="mt-4 size-4 text-zinc-400 transition-transform group-hover:translate-x-0.5"
                aria-hidden="true"
              />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
