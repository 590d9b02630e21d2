import { useId, useRef } from 'react';
import { MAX_ICON_BYTES, screenSvg, type SvgScreenResult } from '@core';
import { svgDataUrl } from './kitFiles';

/** An icon the partner chose: its file name, bytes and the screen's verdict. */
export interface ChosenIcon {
  name: string;
  bytes: Uint8Array | null;
  screened: SvgScreenResult;
}

/**
 * Reads and screens an SVG file. A file over the limit is refused from its size, unread. Exported
 * for tests.
 */
export async function chooseIcon(file: File): Promise<ChosenIcon> {
  if (file.size > MAX_ICON_BYTES) {
    const kb = Math.ceil(file.size / 1024).toLocaleString('en-US');
    return {
      name: file.name,
      bytes: null,
      screened: { ok: false, reason: `The icon is ${kb} KB; the limit is ${MAX_ICON_BYTES / 1024} KB` },
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, bytes, screened: screenSvg(bytes) };
}

/** File picker for the kit's SVG icon, with the accepted icon previewed as an image only. */
export function IconPicker({
  icon,
  onChange,
}: {
  icon: ChosenIcon | null;
  onChange: (icon: ChosenIcon) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const accepted = icon?.screened.ok ? icon.screened.svg : null;
  return (
    <div className="kit-icon">
      <div className="kit-icon-preview" aria-hidden={accepted === null}>
        {accepted !== null ? (
          <img src={svgDataUrl(accepted)} alt={`Icon preview: ${icon?.name ?? ''}`} width={48} height={48} />
        ) : (
          <span className="muted small">SVG</span>
        )}
      </div>
      <div className="kit-icon-text">
        <label className="field-label" htmlFor={id}>
          Icon
        </label>
        <input
          ref={input}
          id={id}
          className="kit-file"
          type="file"
          accept=".svg,image/svg+xml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void chooseIcon(file).then(onChange);
          }}
        />
        <p className="muted small kit-hint">
          {icon === null
            ? `An SVG file of at most ${MAX_ICON_BYTES / 1024} KB, without scripts or external references.`
            : icon.screened.ok
              ? `${icon.name}: accepted.`
              : null}
        </p>
        {icon !== null && !icon.screened.ok && (
          <p className="kit-refused" role="alert">
            {icon.name} refused: {icon.screened.reason}.
          </p>
        )}
      </div>
    </div>
  );
}
