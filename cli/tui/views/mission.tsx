import React from 'react';
import { Text } from 'ink';
import type { Session } from '../session.js';
export const MISSION_KEYS = '';
export const MISSION_HELP: Array<[string, string]> = [];
export function MissionView(_p: { session: Session; width: number; height: number; active: boolean; color?: boolean; setCapture: (on: boolean) => void; setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void }) {
  return <Text>Mission</Text>;
}
