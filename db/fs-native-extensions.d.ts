declare module "fs-native-extensions" {
  const nativeFs: {
    /** Locks the whole file (exclusively unless `shared`) without waiting; false when another open file holds it. */
    tryLock: (fd: number, opts?: { shared?: boolean }) => boolean;
    unlock: (fd: number) => void;
  };
  export default nativeFs;
}
