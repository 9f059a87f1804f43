import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';

/** Every destructive or costly action asks first; the accept button is always "Confirm". */
export const ConfirmDialog = ({
  open,
  title,
  children,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) => (
  <Dialog
    open={open}
    onClose={busy ? undefined : onCancel}
    aria-labelledby="confirm-title"
  >
    <DialogTitle id="confirm-title">{title}</DialogTitle>
    <DialogContent>{children}</DialogContent>
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      <Button
        onClick={onConfirm}
        color="primary"
        variant="contained"
        disabled={busy}
        data-testid="confirm-button"
      >
        Confirm
      </Button>
    </DialogActions>
  </Dialog>
);
