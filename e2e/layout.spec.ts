import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
  type TestInfo,
} from "@playwright/test";
import { signUp, startTarget, uniqueEmail } from "./fixtures";
import { seedHostileWorkspace, type Seeded } from "./support/seed-hostile";

// Every page at a phone's and a desktop's width, light and dark, filled with the longest values the
// forms accept: nothing may spill sideways, axe may find nothing serious, and each is kept as a PNG.
const SHOTS = path.resolve("test-results/layout");
const VIEWPORTS = [
  { width: 360, height: 800 },
  { width: 1440, height: 900 },
] as const;
const SCHEMES = ["light", "dark"] as const;

type Visit = {
  name: string;
  url: string;
  signedIn: boolean;
  ready?: (page: Page) => Promise<void>;
};

function visits(s: Seeded): Visit[] {
  const dash = (name: string, url: string, ready?: Visit["ready"]): Visit => ({
    name,
    url,
    signedIn: true,
    ready,
  });
  const heading = (page: Page) => expect(page.locator("h1").first()).toBeVisible();
  const rows = (testId: string) => (page: Page) =>
    expect(page.getByTestId(testId).first()).toBeVisible();
  return [
    { name: "sign-in", url: "/sign-in", signedIn: false },
    { name: "sign-up", url: "/sign-up", signedIn: false },
    { name: "public-page", url: `/status/${s.publicSlug}`, signedIn: false, ready: heading },
    { name: "not-found", url: "/no-such-page", signedIn: false },
    { name: "confirm-email", url: "/confirm-email/not-a-real-token", signedIn: false },
    dash("overview", "/dashboard", heading),
    dash("monitors", "/dashboard/monitors", rows("monitor-row")),
    dash("monitor-detail", `/dashboard/monitors/${s.failingMonitorId}`, heading),
    dash("monitor-detail-long-url", `/dashboard/monitors/${s.longUrlMonitorId}`, heading),
    dash("monitor-new", "/dashboard/monitors/new"),
    dash("monitor-edit", `/dashboard/monitors/${s.longUrlMonitorId}/edit`, heading),
    dash("heartbeats", "/dashboard/heartbeats", rows("heartbeat-row")),
    dash("heartbeat-detail", `/dashboard/heartbeats/${s.heartbeatId}`, rows("recent-pings")),
    dash("heartbeat-new", "/dashboard/heartbeats/new"),
    dash("heartbeat-edit", `/dashboard/heartbeats/${s.heartbeatId}/edit`, heading),
    dash("channels", "/dashboard/alerts", heading),
    dash("channel-detail", `/dashboard/alerts/${s.channelId}`, heading),
    dash("status-pages", "/dashboard/status-pages", heading),
    dash("status-page-edit", `/dashboard/status-pages/${s.statusPageId}`, heading),
    dash("status-page-new", "/dashboard/status-pages/new"),
    dash("maintenances", "/dashboard/maintenances", rows("maintenance-row")),
    dash("maintenance-detail", `/dashboard/maintenances/${s.maintenanceId}`, heading),
    dash("maintenance-new", "/dashboard/maintenances/new", rows("preview-window")),
    dash("settings", "/dashboard/settings", heading),
    dash("private-preview", `/status-preview/${s.privateSlug}`, heading),
    dash("monitor-not-found", "/dashboard/monitors/00000000-0000-4000-8000-000000000000"),
  ];
}

async function checkPage(page: Page, visit: Visit, label: string, testInfo: TestInfo) {
  const response = await page.goto(visit.url);
  expect.soft(response?.status() ?? 0, `${label}: HTTP status`).toBeLessThan(500);
  if (visit.ready) await visit.ready(page);
  // Nothing of "Loading…" is left to measure.
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
  // Transitions (theme colours, popovers) jump to their end before anything is measured.
  await page.addStyleTag({ content: "*,*::before,*::after{transition:none!important}" });

  const { scrollWidth, innerWidth, culprit } = await page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .at(-1);
    const where = wide
      ? `${wide.tagName.toLowerCase()}${wide.className ? `.${String(wide.className).split(" ").slice(0, 3).join(".")}` : ""} "${(wide.textContent ?? "").slice(0, 40)}"`
      : "";
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      culprit: where,
    };
  });
  expect
    .soft(
      scrollWidth,
      `${label}: page is ${scrollWidth}px wide in a ${innerWidth}px window ${culprit}`,
    )
    .toBeLessThanOrEqual(innerWidth);

  if (innerWidth < 640) {
    const small = await smallTouchTargets(page);
    expect.soft(small, `${label}: touch targets under 44×44 px`).toEqual([]);
  }

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${v.help}`),
    );
  expect.soft(serious, `${label}: axe serious/critical violations`).toEqual([]);

  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${label}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  await testInfo.attach(label, { path: file, contentType: "image/png" });
}

// Buttons, tabs and navigation links: what a thumb aims at. Links inside running text are exempt.
async function smallTouchTargets(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        "button, [role=tab], nav a, a[data-touch], select, summary",
      ),
    ]
      .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

let seeded: Seeded;
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;
let target: Awaited<ReturnType<typeof startTarget>>;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(120_000);
  target = await startTarget();
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("layout");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  seeded = await seedHostileWorkspace(context.request, email, target.url);
  signedIn = await context.storageState();
  await context.close();
});

test.afterAll(async () => {
  await target?.close();
});

for (const viewport of VIEWPORTS)
  for (const colorScheme of SCHEMES)
    test(`every page fits ${viewport.width}px in ${colorScheme} and passes axe`, async ({
      browser,
    }, testInfo) => {
      // Twenty-odd pages, each measured and checked by axe: minutes on a busy two-core machine.
      test.setTimeout(600_000);
      const open = (storageState?: typeof signedIn) =>
        browser.newContext({ viewport, colorScheme, storageState, reducedMotion: "reduce" });
      const member = await open(signedIn);
      const visitor = await open();
      const [memberPage, visitorPage] = [await member.newPage(), await visitor.newPage()];
      for (const visit of visits(seeded))
        await checkPage(
          visit.signedIn ? memberPage : visitorPage,
          visit,
          `${visit.name}-${viewport.width}-${colorScheme}`,
          testInfo,
        );
      await member.close();
      await visitor.close();
    });
