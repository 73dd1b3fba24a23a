import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { IvmDataProvider } from '../providers/dataProvider';

/**
 * True when IVM runs the simulator provider (no real texts leave): the phone simulator and the
 * training banner show only then. Undefined until /health answers.
 */
export function useTrainingMode(): boolean | undefined {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const [training, setTraining] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    dataProvider.health().then(
      ({ data }) => live && setTraining(data.provider === 'simulator'),
      () => live && setTraining(false),
    );
    return () => {
      live = false;
    };
    // The provider is stable for the session; react-admin may re-wrap it on re-renders.
  }, []);
  return training;
}
