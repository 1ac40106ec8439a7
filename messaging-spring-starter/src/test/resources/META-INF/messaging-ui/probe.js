// A stand-in for the messaging-ui package in the starter's tests (MessagingUiHttpTests): served, never run.
export const probe = 'messaging-ui probe';
