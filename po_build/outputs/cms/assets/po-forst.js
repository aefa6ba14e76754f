/* Loaded before Decap's script: po-cms.js starts Decap itself, after registering
 * the widgets, the preview and the Swedish words. */
window.CMS_MANUAL_INIT = true;
