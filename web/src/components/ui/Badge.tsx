/** A small label; `tone` picks a colour from the stylesheet (`badge--<tone>`). */
export function Badge({ label, tone }: { label: string; tone?: string }) {
  const toneClass = tone ? ` badge--${tone.replace(/[^a-z0-9-]/gi, '')}` : '';
  return <span className={`badge${toneClass}`}>{label}</span>;
}
