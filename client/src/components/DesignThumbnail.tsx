/** A lightweight SVG rendering of a plain Design (template picker thumbnails). */
import { objectsInOrder, type Design, type DesignObject } from '../../../shared/design/index.js';

function wrap(text: string, width: number, fontSize: number): string[] {
  const maxChars = Math.max(1, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (!line) line = word;
      else if ((line + ' ' + word).length <= maxChars) line += ' ' + word;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

function transform(o: DesignObject): string | undefined {
  if (!o.angle) return undefined;
  return `rotate(${o.angle} ${o.x + o.width / 2} ${o.y + o.height / 2})`;
}

function Shape({ o }: { o: DesignObject }) {
  const common = { transform: transform(o), opacity: o.opacity ?? 1 };
  switch (o.type) {
    case 'rect':
      return <rect {...common} x={o.x} y={o.y} width={o.width} height={o.height} rx={o.radius} fill={o.fill} stroke={o.stroke} strokeWidth={o.strokeWidth} />;
    case 'ellipse':
      return <ellipse {...common} cx={o.x + o.width / 2} cy={o.y + o.height / 2} rx={o.width / 2} ry={o.height / 2} fill={o.fill} stroke={o.stroke} strokeWidth={o.strokeWidth} />;
    case 'line':
      return <line {...common} x1={o.x} x2={o.x + o.width} y1={o.y + o.height / 2} y2={o.y + o.height / 2} stroke={o.stroke} strokeWidth={o.strokeWidth} />;
    case 'image':
      return o.src ? (
        <image {...common} href={o.src} x={o.x} y={o.y} width={o.width} height={o.height} preserveAspectRatio={o.fit === 'fill' || !o.fit ? 'none' : 'xMidYMid slice'} />
      ) : (
        <rect {...common} x={o.x} y={o.y} width={o.width} height={o.height} fill="#cbd5e1" />
      );
    case 'text': {
      const lh = o.fontSize * (o.lineHeight ?? 1.16);
      const anchor = o.textAlign === 'center' ? 'middle' : o.textAlign === 'right' ? 'end' : 'start';
      const tx = o.textAlign === 'center' ? o.x + o.width / 2 : o.textAlign === 'right' ? o.x + o.width : o.x;
      return (
        <text {...common} fontFamily={`${o.fontFamily}, sans-serif`} fontSize={o.fontSize} fontWeight={o.fontWeight} fill={o.fill} textAnchor={anchor}>
          {wrap(o.text, o.width, o.fontSize).map((line, i) => (
            <tspan key={i} x={tx} y={o.y + o.fontSize * 0.9 + i * lh}>
              {line}
            </tspan>
          ))}
        </text>
      );
    }
  }
}

export function DesignThumbnail({ design, title }: { design: Design; title?: string }) {
  const { width, height, background } = design.meta;
  return (
    <svg className="design-thumb" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title ?? 'Design preview'} preserveAspectRatio="xMidYMid meet">
      <rect width={width} height={height} fill={background} />
      {objectsInOrder(design)
        .filter((o) => o.visible !== false)
        .map((o) => (
          <Shape key={o.id} o={o} />
        ))}
    </svg>
  );
}
