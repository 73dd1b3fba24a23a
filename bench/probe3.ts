import { toE164 } from '../apps/api/src/common/phone';
for (const p of ['+12175550000','+12175559999','+12173330000','+13095551234','+12172440000']) console.log(p, toE164(p));
