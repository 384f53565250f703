#!/usr/bin/env node
// The `junheng` bin: the built command (cli/dist/junheng.js, made by `npm run build`). This small file
// is committed so that `npm ci` in a fresh clone links the bin before anything is built; `npx junheng`
// then works as soon as the build exists.
import '../dist/junheng.js';
