import { AccountPage as SharedAccountPage } from '@rlp/web-ui/account-pages';
import { TwoFactorSettings } from '@rlp/web-ui/two-factor';

/** /account: e-mail address, password, and two-factor authentication (required for assessors and admins). */
export default function AccountPage() {
  return (
    <SharedAccountPage>
      <TwoFactorSettings />
    </SharedAccountPage>
  );
}
