/** The selected namespace and tab live in the URL hash, so a reload or a shared link keeps them. */
import { useEffect, useState } from 'preact/hooks'

export interface Place {
  namespace: string
  tab: string
}

function read(): Place {
  const params = new URLSearchParams(location.hash.slice(1))
  return { namespace: params.get('ns') || 'default', tab: params.get('tab') || 'journal' }
}

export function usePlace(): [Place, (next: Partial<Place>) => void] {
  const [place, setPlace] = useState(read)
  useEffect(() => {
    const onHash = () => setPlace(read())
    addEventListener('hashchange', onHash)
    return () => removeEventListener('hashchange', onHash)
  }, [])
  const update = (next: Partial<Place>) => {
    const merged = { ...read(), ...next }
    const params = new URLSearchParams({ ns: merged.namespace, tab: merged.tab })
    // replaceState: switching tabs should not fill the back button's history.
    history.replaceState(null, '', `#${params.toString()}`)
    setPlace(merged)
  }
  return [place, update]
}
