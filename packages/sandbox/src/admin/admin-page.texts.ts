import { POST_FAILED_MESSAGE } from '../integrations/consumer-post';
import { ALL_RESOURCES_TITLE } from './permissions-dialog';

/**
 * Magento's own admin texts the integrations page shows, word for word (`%1` is the integration name).
 * Sources: `Magento_Integration::i18n/en_US.csv`, `Controller/Adminhtml/Integration/{TokensExchange,TokensDialog}.php`,
 * `Block/Adminhtml/Integration/Tokens.php`, `Block/Adminhtml/Widget/Grid/Column/Renderer/Link/Activate.php`,
 * `view/adminhtml/templates/integration/{activate/permissions,tokens_exchange}.phtml`,
 * `view/adminhtml/templates/integration/activate/permissions/tab/webapi.phtml` and `view/adminhtml/web/js/integration.js` (and `Please wait...`, the admin loader's text).
 */
export const ADMIN_TEXTS = {
  statuses: { 0: 'Inactive', 1: 'Active', 2: 'Reset' },
  activate: 'Activate',
  reauthorize: 'Reauthorize',
  allow: 'Allow',
  done: 'Done',
  remove: 'Remove',
  deleted: "The integration '%1' has been deleted.",
  confirmRemove: "Are you sure you want to delete this integration? You can't undo this action.",
  permissionsIntro: 'The integration you selected asks you to approve access to the following:',
  availableApis: 'Available APIs',
  noPermissions: 'No permissions requested',
  allResources: ALL_RESOURCES_TITLE,
  sentForActivation: "Integration '%1' has been sent for activation.",
  sentForReauthorization: "Integration '%1' has been sent for re-authorization.",
  signInThirdParty: 'Please setup or sign in into your 3rd party account to complete setup of this integration.',
  activated: "The integration '%1' has been activated.",
  reauthorized: "The integration '%1' has been re-authorized.",
  tokensLegend: 'Integration Tokens for Extensions',
  consumerKey: 'Consumer Key',
  consumerSecret: 'Consumer Secret',
  accessToken: 'Access Token',
  accessTokenSecret: 'Access Token Secret',
  postFailed: POST_FAILED_MESSAGE,
  somethingWrong: 'Sorry, something went wrong. Please try again later.',
  popupBlocked: 'Popup Blocker is enabled! Please add this site to your exception list.',
  pleaseWait: 'Please wait...',
  noRecords: "We couldn't find any records.",
  saved: "The integration '%1' has been saved.",
} as const;
