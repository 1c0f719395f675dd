#!/usr/bin/env node
// advocacy-demo (what `npm start` runs): the API with the demo organisation, its token routes and its pages.
import { runServerOrExit } from '@advocacy/server';
import { prepareDemo } from './demo-extension.js';

runServerOrExit({ prepare: (db, env) => prepareDemo(db, env) });
