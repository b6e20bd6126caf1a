/**
 * Escapes text for SVG/XML content and attributes, and drops the control characters XML 1.0
 * forbids, so a unit named `Sở A & B <Tỉnh>` renders as typed instead of breaking the chart.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
