// The sandboxed preload (bundled to one CommonJS file): exposes window.kiosk and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeKioskBridge } from './preloadBridge.js';

exposeKioskBridge(contextBridge, ipcRenderer);
