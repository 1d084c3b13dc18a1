/** The few line icons the chrome uses, drawn on a 16px grid in the current text colour. */
import type { SVGProps } from "react";

function Icon(props: SVGProps<SVGSVGElement>) {
  return <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.3} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props} />;
}

export const PaletteIcon = () => (
  <Icon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M6 2.5v11" />
  </Icon>
);

export const InspectorIcon = () => (
  <Icon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M10 2.5v11" />
  </Icon>
);

/** A notebook: a page with a binding and text lines. */
export const NotebookIcon = () => (
  <Icon>
    <rect x="3" y="1.5" width="10" height="13" rx="1.5" />
    <path d="M5.5 1.5v13M7.5 5h3.5M7.5 8h3.5" />
  </Icon>
);

export const BottomPanelIcon = () => (
  <Icon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M1.5 9.5h13" />
  </Icon>
);

export const SunIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
  </Icon>
);

export const MoonIcon = () => (
  <Icon>
    <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7z" />
  </Icon>
);

export const SystemThemeIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M8 2.5v11" />
    <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor" stroke="none" />
  </Icon>
);

export const SearchIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5l3.5 3.5" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5L2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M10.5 3.5l3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </Icon>
);

export const CommandIcon = () => (
  <Icon>
    <rect x="1.5" y="3" width="13" height="10" rx="1.5" />
    <path d="M4.5 6.5l2 1.5-2 1.5M8 10h3.5" />
  </Icon>
);

/** The app mark: three threads woven through a frame. */
export const LogoMark = () => (
  <svg width={18} height={18} viewBox="0 0 18 18" aria-hidden="true" focusable="false">
    <rect x="1" y="1" width="16" height="16" rx="4" fill="var(--accent)" />
    <path d="M4.5 6.5h9M4.5 9h9M4.5 11.5h9" stroke="var(--surface-panel)" strokeWidth="1.4" strokeLinecap="round" />
    <path d="M7 4.5v9M11 4.5v9" stroke="var(--surface-panel)" strokeWidth="1.4" strokeLinecap="round" opacity="0.55" />
  </svg>
);
