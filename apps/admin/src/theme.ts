import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** University of Illinois brand colours (the seed's "blue bar"). */
export const ILLINI_BLUE = '#13294B';
export const ILLINI_ORANGE = '#FF5F05';
/** Text colours checked against white for WCAG AA (4.5:1 and more). */
export const MUTED_TEXT = '#4B5563';
export const ERROR_TEXT = '#B3261E';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: ILLINI_BLUE, contrastText: '#FFFFFF' },
    // Orange is an accent (focus on the blue bar, the unread dot), never small text on white: 3:1 only.
    secondary: { main: ILLINI_ORANGE, contrastText: ILLINI_BLUE },
    error: { main: ERROR_TEXT },
    text: { primary: '#1F2937', secondary: MUTED_TEXT },
    background: { default: '#F4F6F9', paper: '#FFFFFF' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: '"Source Sans 3", "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif',
    fontSize: 14,
  },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        // Visible focus everywhere (keyboard users at the front desk); the blue bar overrides it in orange.
        '*:focus-visible': { outline: `3px solid ${ILLINI_BLUE}`, outlineOffset: '2px' },
        body: { overflowX: 'hidden' },
      },
    },
    // The hospital's words as written ("Archive Conversation", "Block Client"), not shouted.
    MuiButton: { ...defaultTheme.components?.MuiButton, styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
    // MUI hides the real input of switches and radios: put the focus ring on what is seen.
    MuiSwitch: {
      styleOverrides: {
        switchBase: { '&.Mui-focusVisible .MuiSwitch-thumb': { outline: `3px solid ${ILLINI_BLUE}`, outlineOffset: '2px' } },
      },
    },
    MuiRadio: { styleOverrides: { root: { '&.Mui-focusVisible': { outline: `3px solid ${ILLINI_BLUE}` } } } },
    MuiToggleButton: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
    MuiTooltip: { defaultProps: { arrow: true, enterDelay: 400 } },
  },
};
