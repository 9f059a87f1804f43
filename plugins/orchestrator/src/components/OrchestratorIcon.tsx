import SvgIcon, { SvgIconProps } from '@mui/material/SvgIcon';

/**
 * Icon of the Orchestrator: three nodes joined by transitions, like a small workflow.
 * @public
 */
export const OrchestratorIcon = (props: SvgIconProps) => (
  <SvgIcon {...props} viewBox="0 0 24 24">
    <path d="M4 3h6v6H4V3zm10 12h6v6h-6v-6zM4 15h6v6H4v-6zm3-6h2v6H7V9zm3 9h4v-2h-4v2zm4-12h6v6h-6V6zm-4 0h4v2h-4V6z" />
  </SvgIcon>
);
