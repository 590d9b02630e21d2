import { useId, useRef } from 'react';
import { MAX_ICON_BYTES, screenSvg, type SvgScreenResult } from '@core';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { svgDataUrl } from './kitFiles';
import { svgRefusalText } from './kitText';

/** An icon the partner chose: its file name, bytes and the screen's verdict. */
export interface ChosenIcon {
  name: string;
  bytes: Uint8Array | null;
  screened: SvgScreenResult;
  /** Refused from its size: its size and the limit in KB (the reason is then shown in the chosen language). */
  tooLargeKb?: number;
  limitKb?: number;
}

/**
 * Reads and screens an SVG file. A file over the limit is refused from its size, unread. Exported
 * for tests.
 */
export async function chooseIcon(file: File): Promise<ChosenIcon> {
  if (file.size > MAX_ICON_BYTES) {
    const kb = Math.ceil(file.size / 1024);
    const limit = MAX_ICON_BYTES / 1024;
    return {
      name: file.name,
      bytes: null,
      screened: {
        ok: false,
        reason: 'The icon is ' + kb.toLocaleString('en-US') + ' KB; the limit is ' + String(limit) + ' KB',
        code: 'too-large',
        params: { kb, limit },
      },
      tooLargeKb: kb,
      limitKb: limit,
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
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const accepted = icon?.screened.ok ? icon.screened.svg : null;
  return (
    <div className="kit-icon">
      <div className="kit-icon-preview" aria-hidden={accepted === null}>
        {accepted !== null ? (
          <img
            src={svgDataUrl(accepted)}
            alt={t('tools.kit.iconPreview', { name: icon?.name ?? '' })}
            width={48}
            height={48}
          />
        ) : (
          <span className="muted small">SVG</span>
        )}
      </div>
      <div className="kit-icon-text">
        <label className="field-label" htmlFor={id}>
          {t('tools.kit.icon')}
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
            ? t('tools.kit.iconHint', { limit: formatNumber(MAX_ICON_BYTES / 1024) })
            : icon.screened.ok
              ? t('tools.kit.iconAccepted', { name: icon.name })
              : null}
        </p>
        {icon !== null && !icon.screened.ok && (
          <p className="kit-refused" role="alert">
            {icon.tooLargeKb !== undefined
              ? t('tools.kit.iconRefused', {
                  name: icon.name,
                  reason: t('tools.kit.check.iconTooLarge', {
                    kb: formatNumber(icon.tooLargeKb),
                    limit: formatNumber(icon.limitKb ?? 0),
                  }),
                })
              : t('tools.kit.iconRefused', {
                  name: icon.name,
                  reason: icon.screened.ok
                    ? ''
                    : svgRefusalText(icon.screened.code, icon.screened.params, icon.screened.reason),
                })}
          </p>
        )}
      </div>
    </div>
  );
}
