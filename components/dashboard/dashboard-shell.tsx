"use client";

import clsx from "clsx";
import { useQuery } from "@tanstack/react-query";
import { LogOut, Menu, X } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import { useTRPC } from "@/components/trpc/client";
import { navItems } from "@/components/dashboard/nav-items";
import { LiveIndicator, LiveUpdates } from "@/components/realtime/live-updates";

function isActive(pathname: string, href: string): boolean {
  return href === "/dashboard"
    ? pathname === href
    : pathname === href || pathname.startsWith(href + "/");
}

function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {navItems.map(({ href, label, icon: Icon }) => {
        const active = isActive(pathname, href);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={clsx(
                "flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium transition-colors max-lg:min-h-11",
                active
                  ? "bg-zinc-900/5 text-zinc-900 dark:bg-white/10 dark:text-white"
                  : "text-zinc-600 hover:bg-zinc-900/5 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-white/5 dark:hover:text-white",
              )}
            >
              <Icon className="size-4" aria-hidden="true" />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function WorkspaceName() {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.current.queryOptions());
  return (
    <p className="truncate text-xs text-zinc-500 dark:text-zinc-400" data-testid="workspace-name">
      {workspace.data?.name ?? "\u00a0"}
    </p>
  );
}

// One line when it fits, else broken before the "@"; past two lines it is cut, whole on hover.
function EmailLines({ email }: { email: string }) {
  const at = email.lastIndexOf("@");
  return (
    <span
      className="line-clamp-2 min-w-0 flex-1 text-sm leading-snug [overflow-wrap:anywhere]"
      title={email}
      data-testid="account-email"
    >
      {at > 0 ? (
        <>
          {email.slice(0, at)}
          <wbr />
          {email.slice(at)}
        </>
      ) : (
        email
      )}
    </span>
  );
}

function Account({ email }: { email: string }) {
  return (
    <div className="flex items-center gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700 uppercase dark:bg-brand-500/20 dark:text-brand-400">
        {email.charAt(0)}
      </span>
      <EmailLines email={email} />
      <button
        type="button"
        onClick={() => void signOut({ callbackUrl: "/sign-in" })}
        className="flex size-11 shrink-0 items-center justify-center rounded-md text-zinc-500 lg:size-8 hover:bg-zinc-900/5 hover:text-zinc-900 dark:hover:bg-white/10 dark:hover:text-white"
        aria-label="Sign out"
        title="Sign out"
      >
        <LogOut className="size-4" aria-hidden="true" />
      </button>
    </div>
  );
}

export function DashboardShell({ email, children }: { email: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <LiveUpdates>
      <div className="min-h-dvh bg-zinc-50 dark:bg-zinc-950">
        <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col border-r border-zinc-200 bg-white px-3 py-5 lg:flex dark:border-zinc-800 dark:bg-zinc-900">
          <div className="px-2">
            <Logo href="/dashboard" />
            <div className="mt-1 pl-9">
              <WorkspaceName />
            </div>
          </div>
          <nav aria-label="Dashboard" className="mt-8 flex-1">
            <NavLinks />
          </nav>
          <div className="px-3 pb-3">
            <LiveIndicator />
          </div>
          <Account email={email} />
        </aside>

        <header className="sticky top-0 z-20 flex items-center justify-between border-b border-zinc-200 bg-white/90 px-4 py-3 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-900/90">
          <Logo href="/dashboard" />
          <span className="mr-3 ml-auto">
            <LiveIndicator />
          </span>
          <button
            type="button"
            onClick={() => setOpen((v) => !v)}
            className="flex size-11 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            aria-expanded={open}
            aria-controls="mobile-nav"
            aria-label={open ? "Close menu" : "Open menu"}
          >
            {open ? <X className="size-5" /> : <Menu className="size-5" />}
          </button>
        </header>
        {open ? (
          <div
            id="mobile-nav"
            className="border-b border-zinc-200 bg-white px-3 py-4 lg:hidden dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="px-3 pb-3">
              <WorkspaceName />
            </div>
            <nav aria-label="Dashboard">
              <NavLinks onNavigate={() => setOpen(false)} />
            </nav>
            <div className="mt-4">
              <Account email={email} />
            </div>
          </div>
        ) : null}

        <main className="lg:pl-60">
          <div className="mx-auto max-w-5xl px-4 py-8 sm:px-8">{children}</div>
        </main>
      </div>
    </LiveUpdates>
  );
}
