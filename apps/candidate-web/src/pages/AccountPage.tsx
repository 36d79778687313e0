import { AccountPage as SharedAccountPage } from '@rlp/web-ui/account-pages';
import { TwoFactorSettings } from '@rlp/web-ui/two-factor';

/** /account: e-mail address, password, and (optional for candidates) two-factor authentication. */
export default function AccountPage() {
  return (
    <SharedAccountPage>
      <TwoFactorSettings />
    </SharedAccountPage>
  );
}
