/**
 * Wraps prose to a terminal width at word boundaries, keeping existing line breaks and
 * leaving lines that look like a table (box-drawing rule or runs of spaces) as they are.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width || /─|\S {2,}\S/.test(line)) return line;
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = `  ${word}`;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
      return out.join('\n');
    })
    .join('\n');
}
