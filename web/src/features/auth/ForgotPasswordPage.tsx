import { Link } from 'react-router';
import { AuthCard } from './auth-parts.js';
import { ForgotPasswordForm } from './ForgotPasswordForm.js';
import './auth.css';

/** /forgot-password: an address to mail a link to; the same answer for any address. */
export function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      lede="Enter the address you sign in with, and we’ll mail you a link to choose a new password."
    >
      <ForgotPasswordForm submitLabel="Send reset link" />
      <p className="hint auth-card__foot">
        Remembered it? <Link to="/sign-in">Back to sign in</Link>
      </p>
    </AuthCard>
  );
}
