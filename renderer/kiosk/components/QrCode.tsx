import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** Light modules around the code, as the QR specification asks, so phone cameras find its edges. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn as one SVG path, made in the page (no network, no image request): a phone's
 * camera app reads the text from the screen. Error correction M: a kiosk screen is clean, and a
 * smaller code has larger modules.
 */
export function QrCode(props: { readonly text: string; readonly label: string; readonly testId?: string }) {
  const { size, path } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(props.text);
    qr.make();
    const count = qr.getModuleCount();
    const parts: string[] = [];
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) if (qr.isDark(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
    return { size: count + 2 * QUIET_ZONE, path: parts.join('') };
  }, [props.text]);
  return (
    <svg className="qr-code" role="img" aria-label={props.label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" data-testid={props.testId}>
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
