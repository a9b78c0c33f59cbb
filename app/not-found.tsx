import Link from "next/link";
import { LogoMark } from "@/components/ui/logo";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <LogoMark className="size-9" />
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        There is nothing at this address.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium underline underline-offset-4">
        Back to Vigil
      </Link>
    </main>
  );
}
