// Roles the console shows pages to, the special groups, storage keys, and the state the modules share.

export const READERS = ['Hub.GridWorker', 'Hub.CommunityWorker', 'Hub.StreetOfficer', 'Hub.DistrictOfficer', 'Hub.DepartmentOfficer'];
export const BREAK_GLASS = ['Hub.GridWorker', 'Hub.CommunityWorker', 'Hub.StreetOfficer'];
// The access policy's subjectRequests.roles: they produce a resident's report and file corrections for them.
export const SUBJECT_REQUESTS = ['Hub.StreetOfficer', 'Hub.DistrictOfficer', 'Hub.DataSteward'];
export const STEWARD = ['Hub.DataSteward'];
export const AUDITOR = ['Hub.Auditor'];
export const PUBLISHER = ['Feeds.Publish.*'];
// A department's officers follow its batches too, and decide about a held snapshot; they never push.
export const DEPARTMENT = ['Hub.DepartmentOfficer'];
// The access policy's dataQuality entries: a feed client and a department officer read their department's figures, an
// administrator the city's.
export const QUALITY = ['Feeds.Publish.*', 'Hub.DepartmentOfficer', 'Hub.Administrator'];
// Who holds subscriptions to the change feed: a department officer for their department, an officer for their area.
export const SUBSCRIBER = ['Hub.DepartmentOfficer', 'Hub.StreetOfficer', 'Hub.DistrictOfficer'];
// A street or district office follows the people who move into and out of its area.
export const AREA_OFFICER = ['Hub.StreetOfficer', 'Hub.DistrictOfficer'];
// Grid workers read the worklist; everyone else who reads it may decide an item.
export const WORKLIST_DECIDERS = ['Hub.CommunityWorker', 'Hub.StreetOfficer', 'Hub.DistrictOfficer', 'Hub.DepartmentOfficer'];
export const EVENT_TYPES = ['hub.person.deceased', 'hub.person.status-changed', 'hub.person.residence-moved', 'hub.person.registration-moved', 'hub.person.household-changed',
  'hub.membership.started', 'hub.membership.ended', 'hub.membership.expiring', 'hub.disability.changed', 'hub.identity.merged'];
export const MOVE_TYPES = ['hub.person.residence-moved', 'hub.person.registration-moved'];
export const GROUPS = ['dibao', 'low-income', 'extreme-poverty', 'elderly-alone', 'temporary-assistance', 'disability', 'severe-mental-illness', 'public-housing', 'rent-subsidy'];
export const SESSION_KEY = 'hub.console.session';
export const LANG_KEY = 'hub.console.lang';


// What the console holds while it runs: the string dictionary, the Hub's console settings, the signed-in session,
// the declared purpose and the way back to the current page (set by the entry module).
export const state = {
  strings: {},
  settings: { signIn: 'unavailable', purposes: [] },
  session: null,
  // Why the last Entra ID sign-in did not complete (an MSAL error code), shown on the sign-in page.
  signInError: null,
  purpose: '',
  idCounter: 0,
  render: async () => {},
  // The division registry's divisions by code, once read (js/divisions.js).
  divisions: null,
};
