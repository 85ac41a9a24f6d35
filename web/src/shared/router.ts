import { useLocation } from 'wouter';

/** Navigation from code, as a function: `navigate('/evaluations/…', { replace: true })`. */
export function useNavigate() {
  return useLocation()[1];
}
