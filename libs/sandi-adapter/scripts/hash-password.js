#!/usr/bin/env node
// Prints a password hash for the SANDI stub's fixture files:
//   node libs/sandi-adapter/scripts/hash-password.js [password]
// Without an argument the password is read from standard input, so it stays out of shell history.
// The format is the one src/stub/scrypt-password.ts verifies: scrypt$<N>$<saltBase64>$<hashBase64>
// with r = 8, p = 1; plain node so it runs without a build.
'use strict';

const { randomBytes, scryptSync } = require('node:crypto');

const COST = 2 ** 14;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function hashPassword(password) {
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(password, salt, HASH_BYTES, { N: COST, r: 8, p: 1 });
  return `scrypt$${COST}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text.replace(/\r?\n$/, '')));
    process.stdin.on('error', reject);
  });
}

async function main() {
  if (process.argv.length > 3) {
    process.stderr.write('usage: hash-password.js [password]   (or pipe the password on stdin)\n');
    process.exit(2);
  }
  if (process.argv.length === 2 && process.stdin.isTTY) {
    process.stderr.write('Password (then Enter and Ctrl-D): ');
  }
  const password = process.argv.length === 3 ? process.argv[2] : await readStdin();
  if (password.length === 0) {
    process.stderr.write('hash-password.js: the password is empty\n');
    process.exit(2);
  }
  process.stdout.write(`${hashPassword(password)}\n`);
}

main().catch((error) => {
  process.stderr.write(`hash-password.js: ${error.message}\n`);
  process.exit(1);
});
