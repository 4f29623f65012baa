import { SMOKE_SKIP_REASON as SKIP_REASON, electronBinary } from '../../scripts/electron-binary';

export default function reportAvailability(): void {
  const binary = electronBinary();
  if (binary === null) console.log(`\nElectron smoke suite SKIPPED: ${SKIP_REASON}\n`);
  else console.log(`\nElectron smoke suite runs against ${binary}\n`);
}
