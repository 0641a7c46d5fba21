/** For specs: the error `promise` rejects with (an SDK's error, typed as the spec reads it); throws when it resolves. */
export async function failureOf<E extends Error = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the request to be refused');
}
