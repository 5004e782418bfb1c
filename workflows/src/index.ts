export { trajectoryWorkflow } from './trajectory.workflow';
