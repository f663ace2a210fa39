import React from 'react';
import { Text } from 'ink';
import type { Session } from '../session.js';
export const TRAJECTORY_KEYS = '';
export const TRAJECTORY_HELP: Array<[string, string]> = [];
export function TrajectoryView(_p: { session: Session; width: number; height: number; active: boolean; color?: boolean; setCapture: (on: boolean) => void; setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void }) {
  return <Text>Trajectory</Text>;
}
