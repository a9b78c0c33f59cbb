import {
  AlarmClock,
  CircleCheck,
  CircleDashed,
  CircleX,
  Loader,
  OctagonAlert,
  Pause,
  SearchX,
  TriangleAlert,
  Wrench,
} from "lucide-react";

const GLYPHS = {
  ok: CircleCheck,
  warn: TriangleAlert,
  major: OctagonAlert,
  down: CircleX,
  maintenance: Wrench,
  waiting: CircleDashed,
  running: Loader,
  late: AlarmClock,
  missing: SearchX,
  paused: Pause,
} as const;

export type GlyphName = keyof typeof GLYPHS;

/** Every status icon once per page; rows refer to them (fifty rows, one copy of each path). */
export function GlyphSprite() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      {Object.entries(GLYPHS).map(([name, Icon]) => (
        <symbol key={name} id={`sp-${name}`} viewBox="0 0 24 24">
          <Icon width={24} height={24} />
        </symbol>
      ))}
    </svg>
  );
}

export function Glyph({ name, className = "sp-icon" }: { name: GlyphName; className?: string }) {
  return (
    <svg aria-hidden="true" className={className}>
      <use href={`#sp-${name}`} />
    </svg>
  );
}
