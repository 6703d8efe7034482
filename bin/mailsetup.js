#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through "prepare").
import('../dist/cli/main.js');
