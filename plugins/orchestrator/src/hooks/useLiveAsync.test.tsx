import { act, renderHook, waitFor } from '@testing-library/react';
import { useLiveAsync } from './useLiveAsync';

/** A load whose answers the test hands out one by one. */
function deferredLoads<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const load = jest.fn(
    () =>
      new Promise<T>((resolve, reject) => pending.push({ resolve, reject })),
  );
  const settle = async (index: number, answer: T | Error) => {
    await act(async () => {
      if (answer instanceof Error) pending[index].reject(answer);
      else pending[index].resolve(answer);
    });
  };
  return { load, settle };
}

describe('useLiveAsync', () => {
  it('shows a spinner for the first load only; a refresh keeps the value until the new one is in', async () => {
    const { load, settle } = deferredLoads<string>();
    const { result } = renderHook(() => useLiveAsync(load, []));
    expect(result.current).toMatchObject({ loading: true, value: undefined });
    await settle(0, 'one');
    expect(result.current).toMatchObject({ loading: false, value: 'one' });

    act(() => {
      result.current.refresh();
    });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(result.current).toMatchObject({ loading: false, value: 'one' });
    await settle(1, 'two');
    expect(result.current).toMatchObject({ loading: false, value: 'two' });
  });

  it('keeps the last good value beside the error of a failed refresh, until a refresh succeeds', async () => {
    const { load, settle } = deferredLoads<string>();
    const { result } = renderHook(() => useLiveAsync(load, []));
    await settle(0, 'one');
    act(() => {
      result.current.refresh();
    });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await settle(1, new Error('Data Index down'));
    expect(result.current.value).toBe('one');
    expect(result.current.error?.message).toBe('Data Index down');
    expect(result.current.loading).toBe(false);

    act(() => {
      result.current.refresh();
    });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    await settle(2, 'three');
    expect(result.current).toMatchObject({ value: 'three', error: undefined });
  });

  it('runs a refresh asked for during a load after it, and answers the caller then', async () => {
    const { load, settle } = deferredLoads<string>();
    const { result } = renderHook(() => useLiveAsync(load, []));
    let answered = false;
    act(() => {
      result.current.refresh().then(() => {
        answered = true;
      });
    });
    expect(load).toHaveBeenCalledTimes(1);
    await settle(0, 'before the change');
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(answered).toBe(false);
    await settle(1, 'after the change');
    expect(result.current.value).toBe('after the change');
    expect(answered).toBe(true);
  });

  it('never shows the previous object while another loads, and drops its late answer', async () => {
    const { load, settle } = deferredLoads<string>();
    const { result, rerender } = renderHook(
      ({ id }) => useLiveAsync(() => load(), [id]),
      { initialProps: { id: 'a' } },
    );
    await settle(0, 'a');
    act(() => {
      result.current.refresh();
    });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    rerender({ id: 'b' });
    expect(result.current).toMatchObject({ loading: true, value: undefined });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    await settle(2, 'b');
    await settle(1, 'a, late');
    expect(result.current).toMatchObject({ loading: false, value: 'b' });
  });

  it('with keepPrevious, keeps the rows of the previous page while the next one loads', async () => {
    const { load, settle } = deferredLoads<string>();
    const { result, rerender } = renderHook(
      ({ page }) => useLiveAsync(() => load(), [page], { keepPrevious: true }),
      { initialProps: { page: 1 } },
    );
    await settle(0, 'page 1');
    rerender({ page: 2 });
    expect(result.current).toMatchObject({ loading: true, value: 'page 1' });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await settle(1, 'page 2');
    expect(result.current).toMatchObject({ loading: false, value: 'page 2' });
  });
});
