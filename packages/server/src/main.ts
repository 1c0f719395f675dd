#!/usr/bin/env node
// advocacy-server: the API alone. `npm start` runs @advocacy/demo's start instead, which adds the demo.
import { runServerOrExit } from './run-server.js';

runServerOrExit();
