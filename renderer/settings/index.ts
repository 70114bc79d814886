// What the settings feature offers the app frame: its view (loaded when first opened).
export { SettingsView } from './SettingsView';
